package dev.paygate.payments.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's test catalogue is the one the gateway serves, row for row. */
class TestCatalogueReadmeTest {

    private static final Pattern ROW =
            Pattern.compile("^\\| `([^`]+)` \\| (.+?) \\| `(\\w+)` \\| (.+?) \\| (.+?) \\|$");

    @Test
    void theReadmeTableIsTheServedCatalogue() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md")).stream()
                .map(ROW::matcher)
                .filter(m -> m.matches())
                .map(m -> String.join(" | ", m.group(1), m.group(2), m.group(3), code(m.group(4)), code(m.group(5))))
                .toList();
        List<String> served = TestScenariosResource.ENTRIES.stream()
                .map(s -> String.join(
                        " | ",
                        s.value(),
                        s.description(),
                        s.status(),
                        String.valueOf(s.failureCode()),
                        String.valueOf(s.declineCode())))
                .toList();
        assertEquals(String.join("\n", served), String.join("\n", readme));
    }

    private static String code(String cell) {
        return cell.equals("—") ? "null" : cell.replace("`", "");
    }
}
