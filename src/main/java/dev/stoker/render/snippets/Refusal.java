package dev.stoker.render.snippets;

/**
 * A snippet entry that cannot be merged.
 *
 * @param pointer its JSON pointer in the definition
 * @param message what is wrong and how to fix it
 */
public record Refusal(String pointer, String message) {
}
