export { readSpec, type SpecSummary } from "./read-spec.js";
export { type RecordedRequest, recordingFetch } from "./recording-fetch.js";
export { rejectedWith } from "./rejected-with.js";
export { type Route, scriptedFetch } from "./scripted-fetch.js";
