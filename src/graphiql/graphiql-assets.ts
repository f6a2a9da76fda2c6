// GraphiQL without a CDN. Yoga's built-in page loads its JS/CSS from unpkg.com, which a gateway on a closed network
// (and a browser test on a machine without internet) cannot reach. @graphql-yoga/render-graphiql bundles the same
// GraphiQL, but inlines ~9 MB into every page; this serves that bundle as cacheable files and renders a small page.
import { createHash } from 'node:crypto';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

// Versioned path: a new bundle gets a new URL, so the files can be cached forever.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed bundle's version, read at run time
const BUNDLE_VERSION: string = (require('@graphql-yoga/render-graphiql/package.json') as { version: string }).version;
export const GRAPHIQL_ASSETS_PATH = `/graphiql-assets/${BUNDLE_VERSION}`;

interface Asset {
  contentType: string;
  body: (bundle: Bundle) => string | Uint8Array<ArrayBuffer>;
}

const ASSETS: Record<string, Asset> = {
  'graphiql.js': { contentType: 'text/javascript; charset=utf-8', body: (bundle) => bundle.js },
  'graphiql.css': { contentType: 'text/css; charset=utf-8', body: (bundle) => bundle.css },
  'editor.worker.js': { contentType: 'text/javascript; charset=utf-8', body: (bundle) => bundle.editorWorkerService },
  'json.worker.js': { contentType: 'text/javascript; charset=utf-8', body: (bundle) => bundle.jsonWorker },
  'graphql.worker.js': { contentType: 'text/javascript; charset=utf-8', body: (bundle) => bundle.graphqlWorker },
  'favicon.ico': {
    contentType: 'image/x-icon',
    body: (bundle) => new Uint8Array(Buffer.from(bundle.favicon.slice(bundle.favicon.indexOf(',') + 1), 'base64')),
  },
};

let bundle: Bundle | null = null;
// Loaded on first use: 9 MB of strings the process does not need unless someone opens GraphiQL.
function loadBundle(): Bundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, on first use
  bundle ??= require('@graphql-yoga/render-graphiql/graphiql') as Bundle;
  return bundle;
}

/** Serves GET {GRAPHIQL_ASSETS_PATH}/{file}. Register it only when GraphiQL is on. */
export function useGraphiQLAssets(): Plugin {
  const prefix = `${GRAPHIQL_ASSETS_PATH}/`;
  return {
    onRequest({ url, request, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith(prefix)) return;
      const asset = ASSETS[url.pathname.slice(prefix.length)];
      if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body(loadBundle()), {
          status: 200,
          headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' },
        }),
      );
    },
  };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// GraphiQL's own keys (namespace `graphiql:`) that hold tabs and editor contents; history, favourites, theme and
// the header-persistence choice are left alone.
const GRAPHIQL_TAB_KEYS = ['tabState', 'query', 'variables', 'headers'];
const TABS_STAMP_KEY = 'process-runs-gateway:graphiql-tabs';

/** A short hash of the ready tabs: it changes when a release (or demo vs real upstream) changes them. */
function graphiqlTabsStamp(options: GraphiQLOptions): string {
  return createHash('sha256')
    .update(JSON.stringify(options.defaultTabs ?? []))
    .digest('hex')
    .slice(0, 16);
}

/** The GraphiQL page, loading the bundle from this server. Same bootstrapping as render-graphiql's page. */
export function renderLocalGraphiQL(options: GraphiQLOptions): string {
  // `<` escaped so no option value can close the script element.
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${GRAPHIQL_ASSETS_PATH}/favicon.ico" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.css" />
    <style>
      /* The tabs' drag-to-reorder (framer-motion) leaves a stale translateX on every tab but the last, which
         GraphiQL hides only while a tab is not focused: pressing a tab focused it, it jumped away from the
         pointer, and the click missed it. Tabs stay in place (drag still reorders, without the tab following). */
      .graphiql-tab { transform: none !important; }
    </style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (_moduleId, label) {
          var files = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
          return '${GRAPHIQL_ASSETS_PATH}/' + (files[label] || files.editorWorkerService);
        },
      };
    </script>
    <script>
      // A valid stored tab state makes GraphiQL ignore defaultTabs, so an earlier visitor would never see new or
      // changed ready tabs: drop the stored tabs once when the tab set differs from the one they were stored with.
      try {
        var stamp = '${graphiqlTabsStamp(options)}';
        if (localStorage.getItem('${TABS_STAMP_KEY}') !== stamp) {
          ${JSON.stringify(GRAPHIQL_TAB_KEYS)}.forEach(function (key) { localStorage.removeItem('graphiql:' + key); });
          localStorage.setItem('${TABS_STAMP_KEY}', stamp);
        }
      } catch (storageUnavailable) {
        // No localStorage (blocked): GraphiQL then stores nothing either.
      }
    </script>
    <script src="${GRAPHIQL_ASSETS_PATH}/graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${json});
    </script>
  </body>
</html>
`;
}
