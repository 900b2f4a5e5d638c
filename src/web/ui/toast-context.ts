import { createContext } from 'react';

export interface ToastInput {
  message: string;
  action?: { label: string; onClick: () => void | Promise<void> };
  tone?: 'info' | 'error';
}

export interface ToastApi {
  show(toast: ToastInput): void;
}

export const ToastContext = createContext<ToastApi | null>(null);
