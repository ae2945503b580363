// Public API of lib/report (filled in by its issue).
export {};
