export * from './voi';
export * from './modality';
export * from './frameDisplaySettings';
export * from './greyscaleTable';
export * from './histogram';
export * from './presets';
export * from './renderFrame';
