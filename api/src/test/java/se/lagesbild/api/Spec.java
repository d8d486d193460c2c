package se.lagesbild.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The OpenAPI document as the tests read it: its paths, and a response body checked against the schema it declares. */
final class Spec {
    static final JsonNode DOCUMENT = read("api/openapi.yaml");
    /** The PxWebApi 2 contract (api/v2/openapi.yaml). */
    static final JsonNode V2 = read("api/v2/openapi.yaml");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Spec() {
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths in the document, relative to /api/v1, in Javalin's syntax. */
    static List<String> paths() {
        List<String> paths = new ArrayList<>();
        DOCUMENT.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /**
     * The problems found checking {@code body} against the schema the document declares for
     * {@code path} (a template such as /indicators/{code}/values), {@code status} and {@code mediaType}.
     */
    static Set<ValidationMessage> check(String path, int status, String mediaType, JsonNode body) {
        JsonNode operation = DOCUMENT.path("paths").path(path).path("get");
        if (operation.isMissingNode()) {
            throw new AssertionError(path + " is not in the OpenAPI document");
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            throw new AssertionError(path + " declares no " + status + " response");
        }
        if (response.has("$ref")) {
            response = DOCUMENT.at(response.path("$ref").asText().substring(1));
        }
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError(path + " " + status + " declares no " + mediaType + " content");
        }
        ObjectNode root = ((ObjectNode) DOCUMENT.deepCopy());
        root.remove("paths");
        root.setAll((ObjectNode) schema.deepCopy());
        JsonSchema validator = FACTORY.getSchema(root);
        return validator.validate(body);
    }

    /**
     * The problems found checking a PxWebApi 2 answer against the v2 contract: the schema it declares
     * for {@code path} (a template such as /tables/{id}/data), {@code method}, {@code status} and
     * {@code mediaType}.
     */
    static Set<ValidationMessage> checkV2(String path, String method, int status, String mediaType, JsonNode body) {
        JsonNode operation = V2.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError(method + " " + path + " is not in the v2 contract");
        }
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            throw new AssertionError(method + " " + path + " declares no " + status + " response");
        }
        if (response.has("$ref")) {
            response = V2.at(response.path("$ref").asText().substring(1));
        }
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError(method + " " + path + " " + status + " declares no " + mediaType + " content");
        }
        ObjectNode root = ((ObjectNode) V2.deepCopy());
        root.remove("paths");
        root.setAll((ObjectNode) schema.deepCopy());
        return FACTORY.getSchema(root).validate(body);
    }

    /** The problems found checking {@code body} against the component schema {@code name}. */
    static Set<ValidationMessage> checkComponent(String name, JsonNode body) {
        ObjectNode root = ((ObjectNode) DOCUMENT.deepCopy());
        root.remove("paths");
        root.put("$ref", "#/components/schemas/" + name);
        return FACTORY.getSchema(root).validate(body);
    }

}
