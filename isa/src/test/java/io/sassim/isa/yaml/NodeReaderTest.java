package io.sassim.isa.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sassim.isa.InputException;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeReaderTest {

  private static final String JSON = """
      {
        "name": "h800",
        "count": 3,
        "ratio": 2.5,
        "items": [
          {"id": "a"}
        ]
      }
      """;

  private static YamlNode json(String text) throws InputException {
    return YamlNode.readJson(new StringReader(text), "d.json");
  }

  @Test
  void jsonValuesKeepTheirLines() throws Exception {
    NodeReader r = new NodeReader("d.json");
    Fields top = r.fields(json(JSON), "", Set.of("name", "count", "ratio", "items"));
    assertEquals("h800", r.text(top.require("name"), "name"));
    assertEquals(3, r.integer(top.require("count"), "count", 0, 10));
    assertEquals(2.5, r.real(top.require("ratio"), "ratio"));
    YamlNode item = r.list(top.require("items"), "items").get(0);
    assertEquals(6, item.line());
    assertEquals("items[0].id", r.fields(item, "items[0]", Set.of("id")).pathOf("id"));
  }

  @Test
  void typedReadersNameFileLineAndField() throws Exception {
    NodeReader r = new NodeReader("d.json");
    Fields top = r.fields(json(JSON), "", Set.of("name", "count", "ratio", "items"));
    InputException e = assertThrows(InputException.class,
        () -> r.integer(top.get("count"), "count", 5, 10));
    assertEquals("d.json:3: count: must be in 5..10, got 3", e.getMessage());
    e = assertThrows(InputException.class, () -> r.text(top.get("ratio"), "ratio"));
    assertEquals("d.json:4: ratio: expected text, got a number", e.getMessage());
    e = assertThrows(InputException.class, () -> top.require("gpu"));
    assertEquals("d.json:1: gpu: missing (required)", e.getMessage());
    e = assertThrows(InputException.class, () -> r.fields(json(JSON), "", Set.of("name")));
    assertTrue(e.getMessage().startsWith("d.json:3: count: unknown key (expected one of name)"),
        e.getMessage());
  }

  @Test
  void malformedJsonIsAnInputError() {
    InputException e = assertThrows(InputException.class, () -> json("{\n\"a\": 1,\n}"));
    assertTrue(e.getMessage().startsWith("d.json:3: not valid JSON"), e.getMessage());
    e = assertThrows(InputException.class, () -> json("{\"a\": 1,\n \"a\": 2}"));
    assertEquals("d.json:2: duplicate key 'a'", e.getMessage());
    e = assertThrows(InputException.class, () -> json("{\"a\": 1}\n{\"b\": 2}"));
    assertEquals("d.json:2: unexpected content after the document", e.getMessage());
    e = assertThrows(InputException.class, () -> json(""));
    assertEquals("d.json: empty file", e.getMessage());
  }
}
