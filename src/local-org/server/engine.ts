/** The SOQL engine the query resources use. */
export { prepareQuery, type PreparedQuery } from '../soql/index.js';
