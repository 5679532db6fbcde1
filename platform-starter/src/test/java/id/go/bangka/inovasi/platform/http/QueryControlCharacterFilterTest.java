package id.go.bangka.inovasi.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.bangka.inovasi.platform.problem.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class QueryControlCharacterFilterTest {

    private final QueryControlCharacterFilter filter =
            new QueryControlCharacterFilter(new ProblemWriter(JsonMapper.builder().build()));

    private MockHttpServletResponse get(String name, String value) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/innovations");
        request.setQueryString(name + "=" + value);
        request.addParameter(name, value);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void controlCharactersInNamesOrValuesAre400Problems() throws Exception {
        for (String[] parameter : new String[][] {{"status", "\u0000"}, {"field", "\u001f"}, {"sort\u0007", "NEWEST"}}) {
            MockHttpServletResponse response = get(parameter[0], parameter[1]);
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void ordinaryParametersPass() throws Exception {
        assertThat(get("q", "layanan kesehatan").getStatus()).isEqualTo(200);
    }
}
