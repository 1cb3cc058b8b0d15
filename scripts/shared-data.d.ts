// Types of scripts/shared-data.js, for the tests that import it.
export const besideClone: string;
export const keptCopy: string;
export const sharedData: string;
export const sharedFiles: string[];
export function checkSharedData(): void;
