package dev.stoker.definition.validation;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strings, booleans and whole numbers that accept only their own JSON type. Jackson's
 * defaults coerce between scalars, so YAML {@code version: 1.10} became the label value
 * "1.1" and {@code "true"} passed for a boolean. Every other token goes to the problem
 * handler, which reports it at its pointer and lets reading carry on.
 */
final class StrictScalars {

	private StrictScalars() {
	}

	static JacksonModule module() {
		return new SimpleModule("strict-scalars").addDeserializer(String.class, new StrictString())
			.addDeserializer(Boolean.class, new StrictBoolean())
			.addDeserializer(boolean.class, new StrictPrimitiveBoolean())
			.addDeserializer(Integer.class, new StrictInteger());
	}

	private static final class StrictString extends StdScalarDeserializer<String> {

		StrictString() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_STRING)) {
				return p.getString();
			}
			return (String) ctxt.handleUnexpectedToken(String.class, p);
		}

	}

	private static class StrictBoolean extends StdScalarDeserializer<Boolean> {

		StrictBoolean() {
			super(Boolean.class);
		}

		@Override
		public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
				return p.getBooleanValue();
			}
			return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
		}

	}

	/**
	 * A flag that is false when left out, and refused at its pointer when null: Jackson
	 * would otherwise fail the whole body (FAIL_ON_NULL_FOR_PRIMITIVES) without saying
	 * which field.
	 */
	private static final class StrictPrimitiveBoolean extends StrictBoolean {

		/**
		 * A value refused at its pointer stands as false, never as a null to refuse
		 * again.
		 */
		@Override
		public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
			Boolean value = super.deserialize(p, ctxt);
			return (value != null) ? value : false;
		}

		@Override
		public Boolean getNullValue(DeserializationContext ctxt) {
			ctxt.handleUnexpectedToken(boolean.class, ctxt.getParser());
			return false;
		}

		@Override
		public Object getAbsentValue(DeserializationContext ctxt) {
			return false;
		}

	}

	private static final class StrictInteger extends StdScalarDeserializer<Integer> {

		StrictInteger() {
			super(Integer.class);
		}

		@Override
		public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
				return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
			}
			if (p.getNumberType() != JsonParser.NumberType.INT) {
				// reading it as an int would fail the whole definition, without a pointer
				return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(), "out of range");
			}
			return p.getIntValue();
		}

	}

}
