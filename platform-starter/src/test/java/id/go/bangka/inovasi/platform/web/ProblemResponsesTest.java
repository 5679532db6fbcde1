package id.go.bangka.inovasi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartException;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void aQueryStringThatIsNotUtf8IsTheClientsFault() {
        ResponseEntity<ProblemDetail> answer = responses.undecodableParameters(
                new InvalidParameterException("Character decoding failed. Parameter [status] with value [\uFFFD]"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getDetail()).contains("percent-encoded UTF-8").doesNotContain("status");
    }

    @Test
    void anUnreadableMultipartBodyIsTheClientsFault() {
        ResponseEntity<ProblemDetail> answer = responses.unreadableMultipart(
                new MultipartException("Failed to parse multipart servlet request"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getStatus()).isEqualTo(400);
    }
}
