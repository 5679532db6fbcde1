package id.go.bangka.inovasi.standin;

import org.h2.mvstore.MVStore;

/**
 * How the file stand-in's H2 MVStore is opened. H2 rewrites the live pages of older chunks into new ones to keep its
 * file compact: with its default fill rate of 90, also while writes go on, for any chunk under about 62 % full. Under
 * the platform's writes (a few document writes per submission, spread over the whole collection, leaving a little
 * garbage in every chunk) that rewriting never stopped: it read, decoded and encoded again more than the requests did,
 * and the stand-in's collector paused it a quarter of the time (docs/benchmarks.md, section 2, ninth session). At the
 * fill rate of 50 used here H2 rewrites no chunk while writes go on and, once they pause, the chunks under half full.
 * The file grows under sustained writes (2.1 times its size at H2's default after the same benchmark run).
 *
 * <p>System properties override the settings: {@value #FILL_RATE_PROPERTY} (percent, 0 never rewrites) and
 * {@value #CACHE_PROPERTY} (MiB of pages cached).
 *
 * @param autoCompactFillRate the fill rate, in percent, that H2's background rewriting of chunks aims at
 * @param cacheMiB the MiB of pages H2 keeps in memory
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
        return new StoreTuning(property(FILL_RATE_PROPERTY, DEFAULT.autoCompactFillRate()),
                property(CACHE_PROPERTY, DEFAULT.cacheMiB()));
    }

    private static int property(String name, int otherwise) {
        String value = System.getProperty(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
        }
    }

    /** Opens (or creates) the store in {@code file} with these settings. */
    MVStore open(String file) {
        return new MVStore.Builder().fileName(file).autoCompactFillRate(autoCompactFillRate).cacheSize(cacheMiB)
                .open();
    }
}
