package dev.stoker.json;

import java.io.CharArrayReader;
import java.io.InputStream;
import java.io.Reader;

import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML factory whose parsers are {@link StrictYamlParser}s; writing is Jackson's, with
 * the settings of the factory it copies. Every way in (stream, bytes, characters) reads
 * through a Reader, as {@link YAMLFactory} does.
 */
final class StrictYamlFactory extends YAMLFactory {

	private static final long serialVersionUID = 1L;

	StrictYamlFactory(YAMLFactory settings) {
		super(settings);
	}

	@Override
	public StrictYamlFactory copy() {
		return new StrictYamlFactory(this);
	}

	/** A builder would build a plain YAMLFactory, whose parsers read tags as nothing. */
	@Override
	public YAMLFactoryBuilder rebuild() {
		throw new UnsupportedOperationException("build a YAMLFactory and wrap it in a StrictYamlFactory");
	}

	@Override
	protected YAMLParser _createParser(ObjectReadContext readContext, IOContext ioContext, Reader reader) {
		return new StrictYamlParser(readContext, ioContext, _getBufferRecycler(),
				readContext.getStreamReadFeatures(_streamReadFeatures),
				readContext.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
	}

	@Override
	protected YAMLParser _createParser(ObjectReadContext readContext, IOContext ioContext, InputStream in) {
		return _createParser(readContext, ioContext, _createReader(in, null, ioContext));
	}

	@Override
	protected YAMLParser _createParser(ObjectReadContext readContext, IOContext ioContext, byte[] data, int offset,
			int length) {
		return _createParser(readContext, ioContext, _createReader(data, offset, length, null, ioContext));
	}

	@Override
	protected YAMLParser _createParser(ObjectReadContext readContext, IOContext ioContext, char[] data, int offset,
			int length, boolean recyclable) {
		return _createParser(readContext, ioContext, new CharArrayReader(data, offset, length));
	}

}
