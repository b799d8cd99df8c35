// Renders one spec with Redoc's standalone bundle, served by the mock itself (no network): the API's
// at /__admin/docs, the control plane's at /__admin/docs/admin. The spec files are served beside this
// page, so the admin spec's relative $refs (./openapi.yaml, ./scenario.schema.json) resolve.
const admin = location.pathname.replace(/\/$/, '').endsWith('/docs/admin');
const spec = admin ? '/__admin/docs/admin.openapi.yaml' : '/__admin/docs/openapi.yaml';
document.getElementById(admin ? 'link-admin' : 'link-api').setAttribute('aria-current', 'page');
Redoc.init(spec, { hideDownloadButton: false, expandResponses: '200', jsonSampleExpandLevel: 3, scrollYOffset: 56 }, document.getElementById('redoc'));
