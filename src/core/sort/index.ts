/** Sorting a folder of DICOM files into a pattern's layout: the pure parts. */
export * from './pattern';
export * from './safeName';
export * from './render';
export * from './plan';
export * from './preview';
export * from './manifest';
export * from './values';
