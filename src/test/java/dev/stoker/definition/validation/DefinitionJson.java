package dev.stoker.definition.validation;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.stoker.json.Mappers;

/**
 * A request body built from a copy of a valid definition by setting or removing values at
 * JSON Pointers, so each test case shows only what it changes.
 */
public final class DefinitionJson {

	private final ObjectNode tree;

	private DefinitionJson(ObjectNode tree) {
		this.tree = tree;
	}

	/** A copy of the given definition, free to change. */
	public static DefinitionJson copyOf(ObjectNode definition) {
		return new DefinitionJson(definition.deepCopy());
	}

	/**
	 * Sets the value at the pointer: strings, numbers, booleans, lists, maps and null as
	 * Jackson writes them. The parent must exist; an index equal to the array's size
	 * appends.
	 */
	public DefinitionJson set(String pointer, Object value) {
		return setNode(pointer, Mappers.json().valueToTree(value));
	}

	/**
	 * Sets the value at the pointer to the given JSON text, for shapes Java values cannot
	 * spell.
	 */
	public DefinitionJson setJson(String pointer, String json) {
		return setNode(pointer, Mappers.json().readTree(json));
	}

	public DefinitionJson remove(String pointer) {
		JsonPointer path = JsonPointer.compile(pointer);
		JsonNode parent = parent(path);
		if (parent instanceof ObjectNode object && object.has(path.last().getMatchingProperty())) {
			object.remove(path.last().getMatchingProperty());
		}
		else if (parent instanceof ArrayNode array && path.last().getMatchingIndex() < array.size()) {
			array.remove(path.last().getMatchingIndex());
		}
		else {
			throw new IllegalArgumentException("nothing to remove at " + pointer);
		}
		return this;
	}

	public ObjectNode tree() {
		return tree.deepCopy();
	}

	public String json() {
		return Mappers.json().writeValueAsString(tree);
	}

	private DefinitionJson setNode(String pointer, JsonNode value) {
		JsonPointer path = JsonPointer.compile(pointer);
		JsonNode parent = parent(path);
		if (parent instanceof ObjectNode object) {
			object.set(path.last().getMatchingProperty(), value);
		}
		else if (parent instanceof ArrayNode array && path.last().getMatchingIndex() >= 0
				&& path.last().getMatchingIndex() <= array.size()) {
			int index = path.last().getMatchingIndex();
			if (index == array.size()) {
				array.add(value);
			}
			else {
				array.set(index, value);
			}
		}
		else {
			throw new IllegalArgumentException("no object or array to set " + pointer + " in");
		}
		return this;
	}

	private JsonNode parent(JsonPointer path) {
		if (path.matches()) {
			throw new IllegalArgumentException("the root cannot be set or removed");
		}
		return tree.at(path.head());
	}

}
