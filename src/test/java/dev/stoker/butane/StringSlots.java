package dev.stoker.butane;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Every string a config holds, numbered in the order of its fields (strings in lists
 * included), so a property can put any text into any one of them.
 */
public final class StringSlots {

	private StringSlots() {
	}

	public static int count(ButaneConfig config) {
		int[] counter = { 0 };
		walk(config, counter, -1, null);
		return counter[0];
	}

	/** The config with its string number {@code slot} replaced by {@code text}. */
	public static ButaneConfig replace(ButaneConfig config, int slot, String text) {
		return (ButaneConfig) walk(config, new int[] { 0 }, slot, text);
	}

	private static Object walk(Object value, int[] counter, int slot, String text) {
		if (value instanceof String string) {
			return (counter[0]++ == slot) ? text : string;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach((element) -> copy.add(walk(element, counter, slot, text)));
			return copy;
		}
		if (value instanceof Record record) {
			RecordComponent[] components = record.getClass().getRecordComponents();
			Object[] values = new Object[components.length];
			Class<?>[] types = new Class<?>[components.length];
			try {
				for (int i = 0; i < components.length; i++) {
					types[i] = components[i].getType();
					Object component = components[i].getAccessor().invoke(record);
					boolean strings = components[i].getType() == String.class
							|| (components[i].getGenericType() instanceof ParameterizedType list
									&& list.getActualTypeArguments()[0] == String.class);
					values[i] = (component == null
							|| (!strings && !(component instanceof Record) && !(component instanceof List<?>)))
									? component : walk(component, counter, slot, text);
				}
				return record.getClass().getDeclaredConstructor(types).newInstance(values);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return value;
	}

}
