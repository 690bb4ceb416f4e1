package io.sassim.isa.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sassim.isa.InputException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) document as plain values that remember their 1-based line. Jackson's tree model
 * drops locations, and every input error must name the line of the offending field. Read launch
 * specs with {@link #read} and JSON datasets with {@link #readJson}; {@link NodeReader} turns the
 * values into typed fields with {@code file:line: field: problem} errors.
 *
 * @param value a {@code Map<String, YamlNode>} (insertion-ordered), a {@code List<YamlNode>}, a
 *     {@link BigInteger}, a {@link Double}, a {@link String}, a {@link Boolean} or null
 * @param line 1-based line where the value starts
 */
public record YamlNode(Object value, int line) {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();

  /** Reads one YAML document; syntax errors and duplicate keys become {@link InputException}s. */
  public static YamlNode read(Reader in, String file) throws InputException {
    return read(in, file, YAML, "YAML");
  }

  /** Reads one strict JSON document, with the same values and errors as {@link #read}. */
  public static YamlNode readJson(Reader in, String file) throws InputException {
    return read(in, file, JSON, "JSON");
  }

  /** Reads a YAML file; a file that cannot be read is an {@link InputException} too. */
  public static YamlNode readFile(java.nio.file.Path file) throws InputException {
    return readFile(file, YAML, "YAML");
  }

  /** Reads a strict JSON file; a file that cannot be read is an {@link InputException} too. */
  public static YamlNode readJsonFile(java.nio.file.Path file) throws InputException {
    return readFile(file, JSON, "JSON");
  }

  private static YamlNode readFile(java.nio.file.Path file, JsonFactory factory, String format)
      throws InputException {
    try (Reader in = java.nio.file.Files.newBufferedReader(file,
        java.nio.charset.StandardCharsets.UTF_8)) {
      return read(in, file.toString(), factory, format);
    } catch (IOException e) {
      throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static YamlNode read(Reader in, String file, JsonFactory factory, String format)
      throws InputException {
    try (JsonParser p = factory.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new InputException(file, 0, "empty file");
      }
      YamlNode root = readValue(p, file);
      if (p.nextToken() != null) {
        throw new InputException(file, p.currentTokenLocation().getLineNr(),
            "unexpected content after the document");
      }
      return root;
    } catch (IOException e) {
      int line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
          ? jpe.getLocation().getLineNr()
          : 0;
      String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
      throw new InputException(file, line, "not valid " + format + ": " + firstLine(msg), e);
    }
  }

  private static YamlNode readValue(JsonParser p, String file) throws IOException, InputException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          p.nextToken();
          // A value's line is its key's: "args[0].buffer" points at "buffer:", not at the line below.
          YamlNode value = new YamlNode(readValue(p, file).value(), keyLine);
          if (map.put(key, value) != null) {
            throw new InputException(file, keyLine, "duplicate key '" + key + "'");
          }
        }
        return new YamlNode(Collections.unmodifiableMap(map), line);
      }
      case START_ARRAY -> {
        List<YamlNode> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p, file));
        }
        return new YamlNode(Collections.unmodifiableList(list), line);
      }
      case VALUE_NUMBER_INT -> {
        return new YamlNode(p.getBigIntegerValue(), line);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YamlNode(p.getDoubleValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YamlNode(t == JsonToken.VALUE_TRUE, line);
      }
      case VALUE_NULL -> {
        return new YamlNode(null, line);
      }
      default -> {
        return new YamlNode(p.getText(), line);
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A short name of the value's type, for "expected X, got Y" messages. */
  public String typeName() {
    if (value == null) {
      return "nothing";
    } else if (value instanceof Map) {
      return "a mapping";
    } else if (value instanceof List) {
      return "a list";
    } else if (value instanceof BigInteger) {
      return "an integer";
    } else if (value instanceof Double) {
      return "a number";
    } else if (value instanceof Boolean) {
      return "a boolean";
    }
    return "text '" + value + "'";
  }
}
