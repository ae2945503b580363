// Public API of lib/risk (filled in by its issue).
export {};
