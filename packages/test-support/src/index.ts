export { readSpec, type SpecSummary } from "./read-spec.js";
export { type RecordedRequest, recordingFetch } from "./recording-fetch.js";
