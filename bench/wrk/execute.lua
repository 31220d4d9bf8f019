-- wrk script: POST a one-item CiscoIPPhoneExecute (Key:Services) to /CGI/Execute with Basic auth.
-- Used by bench/wrk/execute-rate.sh; credentials come from the environment (WRK_AUTH = base64 of user:password).
wrk.method = "POST"
wrk.path = "/CGI/Execute"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("WRK_AUTH")
-- XML=<CiscoIPPhoneExecute><ExecuteItem URL="Key:Services"/></CiscoIPPhoneExecute>, percent-encoded
wrk.body = "XML=%3CCiscoIPPhoneExecute%3E%3CExecuteItem%20URL%3D%22Key%3AServices%22%2F%3E%3C%2FCiscoIPPhoneExecute%3E"
