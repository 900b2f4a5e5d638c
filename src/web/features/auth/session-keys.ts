export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;
