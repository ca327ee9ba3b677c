package io.github.sqliteconsole.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final ObjectMapper PARSER = new ObjectMapper();

    @Test
    void controlCharactersAreEscapedAndReadBackUnchanged() throws Exception {
        String every = new String(new char[] {0, 1, 8, 9, 10, 12, 13, 0x1b, 0x1f}) + "end";
        String written = Json.write(every);
        assertThat(written).isEqualTo("\"\\u0000\\u0001\\u0008\\t\\n\\u000c\\r\\u001b\\u001fend\"");
        assertThat(written.chars().filter(ch -> ch < 0x20)).as("no raw control character").isEmpty();
        assertThat(PARSER.readValue(written, String.class)).isEqualTo(every);
    }

    @Test
    void lineAndParagraphSeparatorsAreEscapedForScriptContexts() throws Exception {
        String text = "a\u2028b\u2029c";
        assertThat(Json.write(text)).isEqualTo("\"a\\u2028b\\u2029c\"");
        assertThat(PARSER.readValue(Json.write(text), String.class)).isEqualTo(text);
    }

    @Test
    void markupAndQuotesCarryNoHtml() throws Exception {
        String text = "</script><b a=\"1\">&\\";
        assertThat(Json.write(text)).isEqualTo("\"\\u003c/script\\u003e\\u003cb a=\\\"1\\\"\\u003e\\u0026\\\\\"");
        assertThat(PARSER.readValue(Json.write(text), String.class)).isEqualTo(text);
    }

    @Test
    void nanAndInfinityAreNullBecauseJsonHasNoSuchNumbers() {
        assertThat(Json.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5, 3L)))
                .isEqualTo("[null,null,null,0.5,3]");
    }

    @Test
    void mapsKeepTheirOrderAndUnknownTypesAreRefusedByName() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", true);
        map.put("a", null);
        map.put("list", List.of("x"));
        assertThat(Json.write(map)).isEqualTo("{\"z\":true,\"a\":null,\"list\":[\"x\"]}");
        assertThatThrownBy(() -> Json.write(new Object())).hasMessage("no JSON form for java.lang.Object");
    }

    @Test
    void theIndentedFormPutsOneMemberALineAndArraysOnOne() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", -42L);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", List.of(1L, "two", false));
        map.put("empty", Map.of());
        map.put("inner", inner);
        String written = Json.writeIndented(map);
        assertThat(written).isEqualTo("{\n  \"a\": [1, \"two\", false],\n  \"empty\": {},\n  \"inner\": {\n    \"n\": -42\n  }\n}\n");
        assertThat(PARSER.readTree(written)).isEqualTo(PARSER.readTree(Json.write(map)));
    }

    @Test
    void enumsAreTheirNamesAndLoneSurrogatesAreLeftAsTheyAre() {
        assertThat(Json.write(List.of(java.time.DayOfWeek.MONDAY))).isEqualTo("[\"MONDAY\"]");
        // As the JSON API always wrote them: not escaped; the response's encoder decides their bytes.
        assertThat(Json.write("a\ud800b\udc00")).isEqualTo("\"a\ud800b\udc00\"");
    }
}
