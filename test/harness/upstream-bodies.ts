/**
 * Workiva-style error bodies by status, as on the upstream's documentation page, for the fake to answer with.
 * The 429 names its window ("1000 per 60 seconds") but no retry hint, so a suite can tell the two apart.
 */
export const WORKIVA_ERROR_BODIES: Record<number, Record<string, unknown>> = {
  400: {
    code: 'invalidUser',
    documentationUrl: 'http://developerdocs.example.com',
    message: 'The provided user is invalid.',
    meta: { argumentName: 'assignee', jobId: 'job1234' },
    target: 'assignee',
  },
  401: { code: 'Unauthorized', message: 'Bad credentials' },
  403: { code: '403', message: 'Forbidden' },
  404: { code: '404', message: 'Could not find process id 51bcc3ec3d0b4aadb69659e2a7ed767b' },
  409: { code: '409', message: 'Letter is not in a status that supports submissions' },
  429: { code: '429', message: 'Rate limit of 1000 per 60 seconds exceeded for listJobs requests.' },
  500: { code: '500', message: 'unknown error' },
  502: { code: '502', message: 'Bad Gateway' },
  503: { code: '503', message: 'Service Unavailable.' },
  504: { code: '504', message: 'Gateway Timeout' },
};
