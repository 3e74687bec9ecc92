package io.quarry.plan.expression;

/**
 * Expressions that are not null-in, null-out or that evaluate their arguments lazily.
 * <ul>
 *   <li>AND, OR: n-ary, three-valued logic.</li>
 *   <li>NOT, IS_NULL, IS_NOT_NULL: one argument.</li>
 *   <li>IF: condition, then, else.</li>
 *   <li>COALESCE: n-ary.</li>
 *   <li>IN: value, then the list (NULL rules of SQL).</li>
 *   <li>CASE: when1, then1, when2, then2, …, else (searched form; the else is always present, NULL when
 *       the SQL has none).</li>
 *   <li>NULLIF: two arguments.</li>
 *   <li>TRY: one argument; NULL where computing it fails with a data error (division by zero, bad cast, …).</li>
 * </ul>
 */
public enum Form {
    AND,
    OR,
    NOT,
    IS_NULL,
    IS_NOT_NULL,
    IF,
    COALESCE,
    IN,
    CASE,
    NULLIF,
    TRY
}
