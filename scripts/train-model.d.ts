// Types of scripts/train-model.js, for the tests that import it.
import type { Labeled } from '../src/rules/train.js';

export const root: string;
export const modelFile: string;
export function trainingFiles(): Promise<{ file: string; every: number }[]>;
export function labeled(file: string, every?: number): Promise<Labeled[]>;
export function serialize(model: object): Promise<string>;
export function rulesOfPolicy(file?: string): Promise<import('../src/rules/policy.js').Policy>;
export function train(): Promise<string>;
