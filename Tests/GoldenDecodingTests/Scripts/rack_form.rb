# Parses an application/x-www-form-urlencoded body with Rack::Utils.parse_nested_query (Debian's ruby-rack), the
# parser Rack applications (Rails, Sinatra) read form bodies with, and prints the result as JSON. Rack reads
# `expand[0]=a` as a hash keyed "0"; Stripe's servers read such a hash with keys 0...n-1 as a list, and so does the
# normalization here, so that the output can be compared with what the client was given.
#
# Usage: rack_form.rb < BODY
require "json"
require "rack"

def normalize(value)
  case value
  when Hash
    keys = value.keys
    if !keys.empty? && keys.sort_by(&:to_i) == (0...keys.size).map(&:to_s)
      keys.sort_by(&:to_i).map { |key| normalize(value[key]) }
    else
      value.transform_values { |inner| normalize(inner) }
    end
  when Array
    value.map { |inner| normalize(inner) }
  else
    value
  end
end

puts JSON.generate(normalize(Rack::Utils.parse_nested_query($stdin.read)))
