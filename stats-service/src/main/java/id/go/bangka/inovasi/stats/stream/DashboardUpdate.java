package id.go.bangka.inovasi.stats.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import id.go.bangka.inovasi.stats.iid.IidSummary;
import id.go.bangka.inovasi.stats.overview.Overview;
import id.go.bangka.inovasi.stats.review.ReviewStats;
import id.go.bangka.inovasi.stats.trend.Trend;

/**
 * The data of one {@code overview} event of the stream: everything a dashboard redraws, so that it applies the event
 * without asking for anything. The overview's fields stay at the top level (clients that read only the overview keep
 * working); the rest sits beside them.
 *
 * @param overview the overview, its fields unwrapped
 * @param trend    received, verified and published per month, with the same filters
 * @param iid      the latest assessment period's projection, improvements and OPD contributions (the whole scope)
 * @param review   lead times and the queue's age with the same filters; reviewers and ops only, absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DashboardUpdate(@JsonUnwrapped Overview overview, Trend trend, IidSummary iid, ReviewStats review) {
}
