export * from './plan';
export * from './apply';
export * from './text-range';
export * from './style';
export * from './describe';
export type { TooltipEntry } from './tooltip';
export * from './verdict-bar';
export * from './host';
