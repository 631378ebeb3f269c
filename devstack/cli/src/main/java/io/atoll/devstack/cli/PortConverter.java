package io.atoll.devstack.cli;

import picocli.CommandLine;

/** A TCP port: a whole number from 1 to 65535. */
final class PortConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as given
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a port (a whole number from 1 to 65535)");
    }
}
