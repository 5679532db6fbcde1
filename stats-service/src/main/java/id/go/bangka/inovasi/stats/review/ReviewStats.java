package id.go.bangka.inovasi.stats.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Review lead times, overall and by OPD, and for reviewers and ops the age of the review queue.
 *
 * @param scope   PUBLISHED or ALL
 * @param overall every counted innovation
 * @param byOpd   per OPD code
 * @param queue   innovations waiting for a reviewer (reviewers and ops only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewStats(String scope, LeadTimes overall, Map<String, LeadTimes> byOpd, Queue queue) {

    /**
     * Lead times of one group.
     *
     * @param submittedToVerified from first receipt to verification
     * @param verifiedToPublished from verification to publication
     */
    public record LeadTimes(Hours submittedToVerified, Hours verifiedToPublished) {
    }

    /**
     * Nearest-rank median and 90th percentile in hours; null without any innovation.
     *
     * @param count  innovations with both instants
     * @param median 50th percentile
     * @param p90    90th percentile
     */
    public record Hours(int count, Double median, Double p90) {
    }

    /**
     * The review queue: SUBMITTED innovations wait for verification (aged from first receipt), VERIFIED ones for
     * publication (aged from verification).
     *
     * @param asOf                 when the ages were measured
     * @param awaitingVerification ages of SUBMITTED innovations
     * @param awaitingPublication  ages of VERIFIED innovations
     */
    public record Queue(Instant asOf, Hours awaitingVerification, Hours awaitingPublication) {
    }
}
