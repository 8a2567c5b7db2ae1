// Node flags for the production web server (`next start`), shared by `npm start` and `bench:web` so
// that the benchmark measures what the product runs. A page render allocates a lot of short-lived
// memory (the RSC payload, the HTML, query results) and 20 renders overlap under load: a larger
// young generation (64 MB semi-spaces instead of V8's 16 MB) lets most of it die young instead of
// being promoted and collected again, which cut garbage-collection time per inbox request by about
// a quarter in `bench:web`, for ~100 MB more peak memory.
export const NEXT_SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
