export const id = 191;
export const ids = [191];
export const modules = {

/***/ 3191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connect: () => (/* binding */ connect),
/* harmony export */   contextNamespace: () => (/* binding */ contextNamespace),
/* harmony export */   loadKubeConfig: () => (/* binding */ loadKubeConfig),
/* harmony export */   secretsOf: () => (/* binding */ secretsOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9259);
/* harmony import */ var _bounded_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6586);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(351);
/* harmony import */ var _parse_error_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8567);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2969);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7666);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4184);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8587);
/* harmony import */ var _kubeconfig_source_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7434);
/**
 * Loads the kubeconfig the way kubectl finds one (the `kubeconfig` input, then KUBECONFIG,
 * then ~/.kube/config, then the in-cluster service account) and opens one client per context.
 * Credentials in it are registered as secrets first, so no log line can show them.
 * This is the one module that loads @kubernetes/client-node (about 19 MB bundled, most of a
 * cold start): main.ts imports it only when a kubeconfig is there to read.
 */











function loadKubeConfig(options) {
    const kubeConfig = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
    // Each source is named in its own error, so a broken file is not blamed on the input.
    const load = (source, read) => {
        try {
            read();
        }
        catch (error) {
            if (error instanceof _bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .TooLargeError */ .qB)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: larger than ${(0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .formatBytes */ .z)(error.limit)}; a kubeconfig is a few KiB`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: cannot be read as a kubeconfig: ${(0,_parse_error_js__WEBPACK_IMPORTED_MODULE_5__/* .parseErrorLine */ .E)(error)}`);
        }
        return { kubeConfig, source };
    };
    const found = (0,_kubeconfig_source_js__WEBPACK_IMPORTED_MODULE_9__/* .findKubeconfig */ .ZE)(options);
    switch (found?.kind) {
        case 'input':
            return load("input 'kubeconfig'", () => kubeConfig.loadFromString(found.text));
        case 'files':
            return load(`KUBECONFIG (${found.files.join(node_path__WEBPACK_IMPORTED_MODULE_0__.delimiter)})`, () => {
                loadFile(kubeConfig, found.files[0] ?? '');
                for (const more of found.files.slice(1)) {
                    const other = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
                    loadFile(other, more);
                    kubeConfig.mergeConfig(other, true);
                }
            });
        case 'home':
            return load(found.file, () => loadFile(kubeConfig, found.file));
        case 'in-cluster':
            return load('the in-cluster service account', () => kubeConfig.loadFromCluster());
        case undefined:
            throw (0,_kubeconfig_source_js__WEBPACK_IMPORTED_MODULE_9__/* .noKubeconfigError */ .vb)();
    }
}
/** client-node's loadFromFile, with a cap: it would read a file of any size (or /dev/zero). */
function loadFile(kubeConfig, file) {
    kubeConfig.loadFromString((0,_bounded_js__WEBPACK_IMPORTED_MODULE_2__/* .readFileBounded */ .Y1)(file, _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b.kubeconfigFile));
    kubeConfig.makePathsAbsolute(node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(file));
}
/** Every credential value in a kubeconfig, so the logs mask them: userinfo of URLs too. */
function secretsOf(kubeConfig) {
    const values = [];
    for (const user of kubeConfig.getUsers()) {
        for (const value of [user.token, user.password, user.keyData]) {
            if (typeof value === 'string' && value.length >= 4)
                values.push(value);
        }
    }
    for (const cluster of kubeConfig.getClusters())
        for (const url of [cluster.server, cluster.proxyUrl])
            if (typeof url === 'string')
                values.push(...(0,_url_js__WEBPACK_IMPORTED_MODULE_10__/* .urlSecrets */ .Fn)(url));
    return [...new Set(values)];
}
function connect(options) {
    const { kubeConfig, source } = loadKubeConfig(options);
    for (const secret of secretsOf(kubeConfig))
        options.setSecret(secret);
    const known = kubeConfig.getContexts().map((c) => c.name);
    // Any YAML loads (a passwd file is one string): say what is missing, not which context.
    if (known.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: holds no contexts; is it a kubeconfig?`);
    // client-node reads a missing current-context as undefined, whatever its declared type says.
    const current = kubeConfig.getCurrentContext();
    if (options.contexts.length === 0 && !current)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${source}: has no current-context; name the contexts to act in with input 'contexts' (it has ${known.join(', ')})`);
    const wanted = options.contexts.length > 0 ? options.contexts : [current ?? ''];
    const clients = new Map();
    for (const context of wanted) {
        if (!known.includes(context)) {
            const from = options.contexts.length > 0
                ? (options.contextsFrom ?? "input 'contexts'")
                : `${source}: current-context`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${from}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(context)} is not a context of the kubeconfig${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .didYouMean */ .a)(context, known)}; it has ${known.join(', ')}`);
        }
        const forContext = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
        forContext.loadFromOptions({
            clusters: kubeConfig.getClusters(),
            users: kubeConfig.getUsers(),
            contexts: kubeConfig.getContexts(),
            currentContext: context,
        });
        const server = forContext.getCurrentCluster()?.server;
        if (!server)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`kubeconfig: context ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .quote */ .hD)(context)} has no cluster server`);
        const namespace = contextNamespace(kubeConfig, context);
        clients.set(context, new _client_js__WEBPACK_IMPORTED_MODULE_7__/* .KubeClient */ .Bx(new _transport_js__WEBPACK_IMPORTED_MODULE_8__/* .HttpTransport */ .G5(forContext, context, server), {
            clock: options.clock,
            log: options.log,
            namespace,
            retryForMs: options.retryForMs,
        }));
    }
    return clients;
}
/** The namespace a context names, else `default`. */
function contextNamespace(kubeConfig, context) {
    return kubeConfig.getContextObject(context)?.namespace ?? 'default';
}


/***/ })

};
