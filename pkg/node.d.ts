// The Node entry has the same API as the browser entry, without the DOM parts
// (attach() throws; consent defaults to "redact").
export * from './index.js';
