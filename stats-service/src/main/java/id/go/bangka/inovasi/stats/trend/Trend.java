package id.go.bangka.inovasi.stats.trend;

import java.util.List;

/**
 * Submissions received, verified and published per month or year, without gaps between the first and the last.
 *
 * @param scope    PUBLISHED or ALL
 * @param interval month or year
 * @param zone     the time zone buckets are cut in
 * @param points   ascending
 */
public record Trend(String scope, String interval, String zone, List<Point> points) {

    /**
     * One bucket.
     *
     * @param period    {@code yyyy-MM} or {@code yyyy}
     * @param received  innovations first received in it
     * @param verified  innovations verified in it
     * @param published innovations published in it
     */
    public record Point(String period, long received, long verified, long published) {
    }
}
