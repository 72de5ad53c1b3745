/**
 * Stands in for @actions/core's lib/oidc-utils.js in dist/ (scripts/build.ts): the real one
 * imports @actions/http-client and with it undici, 0.4 MB that every start would compile for
 * `core.getIDToken()`, which this action never calls. Calling it says so rather than fetch.
 */
export const OidcClient = {
  getIDToken: (): Promise<string> =>
    Promise.reject(
      new Error('rollback-action: core.getIDToken() is not bundled (see scripts/build.ts)'),
    ),
};
