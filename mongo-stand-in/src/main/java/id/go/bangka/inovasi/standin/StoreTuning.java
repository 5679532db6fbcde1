package id.go.bangka.inovasi.standin;

import org.h2.mvstore.MVStore;

/**
 * How the file stand-in's H2 MVStore is opened. H2's own defaults keep the file at least 90 % full by rewriting the
 * live pages of older chunks in the background, and cache 16 MiB of pages. Under the platform's writes (a few document
 * writes per submission, spread over the whole collection) that rewriting read, decoded and encoded again more than
 * the requests did, and the stand-in's collector paused it for a quarter of the time (docs/benchmarks.md, section 2,
 * ninth session). The defaults here let the file fall to half full before chunks are rewritten.
 *
 * <p>System properties override them: {@value #FILL_RATE_PROPERTY} (percent, 0 never rewrites) and
 * {@value #CACHE_PROPERTY} (MiB of pages cached).
 *
 * @param autoCompactFillRate the fill rate, in percent, below which H2 rewrites chunks in the background
 * @param cacheMiB the MiB of pages H2 keeps decoded
 */
record StoreTuning(int autoCompactFillRate, int cacheMiB) {

    static final String FILL_RATE_PROPERTY = "inovasi.standin.auto-compact-fill-rate";
    static final String CACHE_PROPERTY = "inovasi.standin.cache-mib";
    static final StoreTuning DEFAULT = new StoreTuning(50, 16);

    StoreTuning {
        if (autoCompactFillRate < 0 || autoCompactFillRate > 100) {
            throw new IllegalArgumentException(FILL_RATE_PROPERTY + " must be 0 to 100, not " + autoCompactFillRate);
        }
        if (cacheMiB < 1) {
            throw new IllegalArgumentException(CACHE_PROPERTY + " must be at least 1, not " + cacheMiB);
        }
    }

    /** The defaults, each replaced by its system property when that is set. */
    static StoreTuning fromSystemProperties() {
        return new StoreTuning(Integer.getInteger(FILL_RATE_PROPERTY, DEFAULT.autoCompactFillRate()),
                Integer.getInteger(CACHE_PROPERTY, DEFAULT.cacheMiB()));
    }

    /** Opens (or creates) the store in {@code file} with these settings. */
    MVStore open(String file) {
        return new MVStore.Builder().fileName(file).autoCompactFillRate(autoCompactFillRate).cacheSize(cacheMiB)
                .open();
    }
}
