/** claims/frames: what each value of a claim states (subject, measure, value, time) and how two such frames relate. */
export { comparableFrames, relateFrames, sameSubject, valuesAgree } from './compare-frames';
export { extractFrames, type FrameInput } from './extract-frames';
export { readFigures } from './figures';
export { claimFrameSchema } from './frame-schema';
export { entityKeys, slug } from './subject-keys';
