package io.quarry.spi;

final class Ids {
    private Ids() {}

    static int parseNonNegative(String part, String whole) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("Invalid id: " + whole);
        }
        return Integer.parseInt(part);
    }
}
