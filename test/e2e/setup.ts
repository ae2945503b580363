// Real n8n runs take seconds each and the first n8n install takes minutes.
jest.setTimeout(15 * 60 * 1000);
