// Public API of lib/sentiment (filled in by its issue).
export {};
