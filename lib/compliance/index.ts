// Public API of lib/compliance (filled in by its issue).
export {};
