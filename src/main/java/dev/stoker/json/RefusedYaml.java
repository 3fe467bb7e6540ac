package dev.stoker.json;

/**
 * Stands in a tree read from YAML where a value was written in a way Stoker does not read
 * (a tag, an alias; see {@code StrictYamlParser}), as the value of a {@code POJONode}.
 * The value is left out rather than guessed at, and whoever reads the tree reports the
 * detail at the value's pointer, together with every other problem of the document.
 *
 * @param detail what is wrong and how to fix it, written to follow a JSON Pointer
 */
public record RefusedYaml(String detail) {
}
