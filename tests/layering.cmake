# Fails when a core library includes what it must not know about (docs/architecture.md):
#   codecs/     knows nothing of schemes/, annotation/, app/ or Qt
#   schemes/    knows nothing of codecs/, annotation/, app/ or Qt
#   annotation/ may use schemes/ and Qt Core, never codecs/, app/ or Qt Widgets/Gui
set(rules
  "codecs|schemes/|annotation/|app/|<Q"
  "schemes|codecs/|annotation/|app/|<Q"
  "annotation|codecs/|app/|<QtWidgets|<QtGui|<QWidget|<QImage")
set(failures "")
foreach(rule IN LISTS rules)
  string(REPLACE "|" ";" parts "${rule}")
  list(POP_FRONT parts dir)
  file(GLOB_RECURSE sources "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  foreach(source IN LISTS sources)
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      foreach(forbidden IN LISTS parts)
        string(FIND "${line}" "${forbidden}" at)
        if(NOT at EQUAL -1)
          string(APPEND failures "${source}: '${line}' crosses the layering (${dir} must not include ${forbidden})\n")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
message(STATUS "layering: ok")
