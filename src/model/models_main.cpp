#include "model/models_main.h"

#include "core/ir/errors.h"
#include "core/ir/schema_json.h"

#include <ostream>

namespace tempest::model {

int printSchema(const std::function<Schema()>& reflect, std::ostream& out, std::ostream& err)
{
    try {
        out << toJson(reflect());
        out.flush();
        return 0;
    } catch (const InputError& e) {
        err << e.what() << '\n';
        return 2;
    }
}

} // namespace tempest::model
