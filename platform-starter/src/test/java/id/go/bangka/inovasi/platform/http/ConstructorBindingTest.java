package id.go.bangka.inovasi.platform.http;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.go.bangka.inovasi.platform.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

class ConstructorBindingTest {

    record Filter(String year, String status) {
    }

    @RestController
    static class FilterController {

        @GetMapping("/filter")
        String filter(Filter filter) {
            return filter.year() + "," + filter.status();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FilterController())
            .setControllerAdvice(new ProblemResponses(), new ConstructorBinding()).build();

    @Test
    void operatorShapedParameterNamesAreNotWalkedAsPropertyPaths() throws Exception {
        mvc.perform(get("/filter").queryParam("year[$gt]", "2000").queryParam("status.$ne", "x")
                        .queryParam("year", "2024"))
                .andExpect(status().isOk()).andExpect(content().string("2024,null"));
    }

    @Test
    void withoutConstructorOnlyBindingTheSameNamesAreAServerError() throws Exception {
        MockMvc plain = MockMvcBuilders.standaloneSetup(new FilterController())
                .setControllerAdvice(new ProblemResponses()).build();

        plain.perform(get("/filter").queryParam("year[$gt]", "2000")).andExpect(status().is5xxServerError());
    }
}
