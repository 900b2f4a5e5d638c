export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;
/** Why the server signed this browser out, when it said (a password change, another device); kept until sign-in. */
export const signedOutKey = ['signed-out'] as const;
