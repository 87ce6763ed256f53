import { LOCAL_STACK } from '../local/local-stack';

// The help apart from the command, so that `factsum help` loads no AWS SDK.

export const LIBRARY_HELP = `factsum library import: build the fact-check library's search index from published fact-checks.

Usage:
  factsum library import FILE... [--out FILE] [--licence TEXT]
  factsum library import FILE... --bucket BUCKET [--prefix P] [--local] [--licence TEXT]

FILE: schema.org ClaimReview JSON-LD (one object, a list, @graph, a DataFeed, or an HTML page with
JSON-LD scripts) or JSON Lines {"id","claim","title"?,"rating"?,"publisher"?,"url"?,"date"?,"language"?}.
Bad records are reported on stderr as FILE:LINE (or FILE JSON-PATH) and a reason, and left out; the
rest are imported with publisher, URL, date and rating exactly as published.

Options:
  --out FILE        write the index to FILE (default: factcheck-index.json)
  --licence TEXT    the licence under which you hold these fact-checks; stored on every record
  --bucket NAME     publish the index to S3 (<prefix>index/<version>.json and the pointer <prefix>current.json)
  --prefix P        key prefix in the bucket (default: factchecks/)
  --local           use the local stack of 'npm start' (S3 http://${LOCAL_STACK.host}:${LOCAL_STACK.s3Port})

Without --local, S3 comes from the usual AWS environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_S3).
The same feeds always give the same index bytes and version, so importing a feed again changes nothing.
Exit codes: 0 index written; 1 a file could not be read or no record was good; 2 usage error.`;
