// The public entry of src/recommend: what the surfaces (src/cli, src/server) and library users import.

export { recommendAll, recommendFor, type RecommendRun } from './recommend.js';
export { RECOMMEND_METHOD, recommendOneSql } from './recommend-sql.js';
