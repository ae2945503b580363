// Public API of lib/schedule (filled in by its issue).
export {};
